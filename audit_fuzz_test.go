package corridor

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// FuzzAuditExport feeds export lines, as a regulator's tool would read them, to the decoder
// and the chain verifier: no input may panic either, and every line that decodes must encode
// back to a record that decodes the same.
func FuzzAuditExport(f *testing.F) {
	var export bytes.Buffer
	seq, hash := int64(0), GenesisHash
	at := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var recs []AuditRecord
	for i, e := range []AuditEvent{
		{Actor: "ops", Action: AuditRoleGrant, Subject: "user:ops", Payload: RoleChange{User: "ops", Role: AccessAdmin, Bootstrap: true}},
		{Actor: "key:3f9a (alice)", Action: AuditAlertPropose, Subject: "alert:1", Payload: map[string]string{"reason": "born 1990 <not> 1965"}},
		{Actor: "bob", Action: AuditAlertConfirm, Subject: "alert:1", Payload: nil},
	} {
		r, err := NextAuditRecord(seq, hash, at.AddDate(0, 0, i), e)
		if err != nil {
			f.Fatal(err)
		}
		recs = append(recs, r)
		seq, hash = r.Seq, r.Hash
	}
	recs[0].Payload = nil // pruned
	r, err := NextAuditRecord(seq, hash, at.AddDate(0, 0, 5), PruneEvent("ops", PruneRecord{Before: at.AddDate(0, 0, 1), FirstSeq: 1, LastSeq: 1, Count: 1}))
	if err != nil {
		f.Fatal(err)
	}
	recs = append(recs, r)
	enc := json.NewEncoder(&export)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			f.Fatal(err)
		}
	}
	f.Add(export.Bytes())
	f.Add([]byte(`{"seq":1,"time":"2020-01-01T00:00:00.000000Z","pruned":true,"payload":"x"}`))
	f.Add([]byte(`{"seq":-1,"time":"bad"}` + "\n" + `{}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		v := NewChainVerifier()
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			var r AuditRecord
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				continue
			}
			line, err := json.Marshal(r)
			if err != nil {
				t.Fatalf("a decoded record does not encode: %v", err)
			}
			var again AuditRecord
			if err := json.Unmarshal(line, &again); err != nil || !reflect.DeepEqual(normalJSON(again), normalJSON(r)) {
				t.Fatalf("round trip: %v\n%+v\n%+v", err, r, again)
			}
			if v.Next(&r) != nil {
				return
			}
		}
		v.End(v.seq, v.hash)
	})
}

// normalJSON makes an empty payload one value, for comparing records across a round trip.
func normalJSON(r AuditRecord) AuditRecord {
	if len(r.Payload) == 0 {
		r.Payload = nil
	}
	return r
}
