package http

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/corridor-aml/corridor"
)

// auditVerifyJSON is the answer of GET /v1/audit/verify: 200 whether or not the chain
// holds, since the check itself succeeded; ok says which.
type auditVerifyJSON struct {
	OK       bool            `json:"ok"`
	Records  int64           `json:"records"`
	HeadSeq  int64           `json:"head_seq"`
	HeadHash string          `json:"head_sha256"`
	Pruned   int64           `json:"pruned"`
	Fault    *auditFaultJSON `json:"fault,omitempty"`
}

type auditFaultJSON struct {
	Seq    int64  `json:"seq"`
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

func (s *Server) handleAuditVerify(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.opt.Store.VerifyAudit(r.Context())
	if err != nil {
		return err
	}
	out := auditVerifyJSON{OK: rep.Fault == nil, Records: rep.Records, HeadSeq: rep.HeadSeq, HeadHash: rep.HeadHash, Pruned: rep.Pruned}
	if f := rep.Fault; f != nil {
		out.Fault = &auditFaultJSON{f.Seq, f.Kind, f.Detail}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// handleAuditExport streams the records from since on as JSON lines, the lines of corridor
// audit export. A failure once lines have been sent aborts the connection rather than end
// the stream cleanly, so that a reader cannot take a partial export for a whole one.
func (s *Server) handleAuditExport(w http.ResponseWriter, r *http.Request) error {
	since := int64(1)
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return badRequest(codeBadParameter, "since", "since %q: want a sequence number of 1 or more", v)
		}
		since = n
	}
	sent := &sentWriter{w: w}
	bw := bufio.NewWriterSize(sent, 64<<10)
	err := s.opt.Store.AuditRecords(r.Context(), since, func(rec corridor.AuditRecord) error {
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		_, err = bw.Write(b)
		return err
	})
	switch {
	case err != nil && sent.n == 0:
		return err // nothing sent yet: an ordinary error answer
	case err != nil:
		panic(http.ErrAbortHandler)
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	return bw.Flush()
}

// sentWriter sets the content type before the first byte and counts what reached the client.
type sentWriter struct {
	w http.ResponseWriter
	n int64
}

func (s *sentWriter) Write(b []byte) (int, error) {
	if s.n == 0 {
		s.w.Header().Set("Content-Type", "application/x-ndjson")
	}
	n, err := s.w.Write(b)
	s.n += int64(n)
	return n, err
}
