package jsonform

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func example(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/payment.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadExample(t *testing.T) {
	ps, err := Read(strings.NewReader(example(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("%d payments", len(ps))
	}
	p := ps[0]
	if p.Format != "pacs.008.001.08" || p.UETR != "8a562c67-ca16-48ba-b074-65581be6f001" || p.Amount.String() != "EUR 15669.38" ||
		p.ValueDate != "2021-04-09" || p.PurposeCode != "GDDS" || p.CategoryPurposeCode != "SUPP" || p.ChargeBearer != "DEBT" {
		t.Errorf("payment %+v", p)
	}
	if len(p.Parties) != 5 || p.Parties[2].Role != corridor.RoleUltimateDebtor || p.Parties[2].BirthDate != "1970-03-14" ||
		!reflect.DeepEqual(p.Parties[2].Identifiers, []corridor.Identifier{{Kind: corridor.IDPassport, Type: "CCPT", Number: "4509 123456", Country: "RU"}}) {
		t.Errorf("parties %+v", p.Parties)
	}
	if len(p.RemittanceInfo) != 1 || len(p.Instructions) != 1 || p.Instructions[0].Where != "CdtTrfTxInf[1]/InstrForNxtAgt" {
		t.Errorf("texts %+v %+v", p.RemittanceInfo, p.Instructions)
	}
}

// TestShapes reads the same payments as one object, an array and NDJSON.
func TestShapes(t *testing.T) {
	minimal := `{"amount":{"value":"10.50","currency":"USD"},"parties":[{"role":"creditor","name":"Acme"}]}`
	for name, tt := range map[string]struct {
		input string
		count int
	}{
		"object":          {minimal, 1},
		"object with NL":  {"\n  " + minimal + "\n", 1},
		"array":           {"[" + minimal + "," + minimal + "]", 2},
		"empty array":     {"[]", 0},
		"NDJSON":          {minimal + "\n" + minimal + "\n" + minimal + "\n", 3},
		"NDJSON, no last": {minimal + "\n" + minimal, 2},
	} {
		ps, err := Read(strings.NewReader(tt.input))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(ps) != tt.count {
			t.Errorf("%s: %d payments, want %d", name, len(ps), tt.count)
		}
		for i, p := range ps {
			if p.Format != Format || p.Index != i+1 || p.Amount != (corridor.Amount{Value: "10.5", Currency: "USD"}) {
				t.Errorf("%s: payment %d: %+v", name, i+1, p)
			}
		}
	}
}

// TestRoundTrip writes payments out and reads them back unchanged, both forms.
func TestRoundTrip(t *testing.T) {
	want, err := Read(strings.NewReader(example(t)))
	if err != nil {
		t.Fatal(err)
	}
	second := want[0]
	second.Index, second.Parties, second.RemittanceInfo = 2, second.Parties[3:], nil
	second.InstructedAmount = corridor.Amount{}
	want = append(want, second)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"array":  func(b *bytes.Buffer) error { return Write(b, want) },
		"NDJSON": func(b *bytes.Buffer) error { return WriteLines(b, want) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := Read(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v\nwant %+v", name, got, want)
		}
	}
	var buf bytes.Buffer
	if err := WriteLines(&buf, want); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 2 {
		t.Errorf("NDJSON has %d lines, want 2", n)
	}
}

func TestInvalid(t *testing.T) {
	party := `"parties":[{"role":"creditor","name":"Acme"}]`
	tests := []struct {
		name, input, want string
	}{
		{"unknown key", `{"amount":{"value":"1","currency":"USD"},"colour":"red",` + party + `}`,
			`jsonform: payment 1: json: unknown field "colour"`},
		{"unknown key in party", `{"parties":[{"role":"creditor","name":"Acme","nickname":"A"}]}`,
			`jsonform: payment 1: json: unknown field "nickname"`},
		{"number amount", `{"amount":{"value":10.5,"currency":"USD"},` + party + `}`,
			"jsonform: payment 1: amount.value: want a string, not a JSON number"},
		{"bad amount", `{"amount":{"value":"10,50","currency":"USD"},` + party + `}`,
			`jsonform: payment 1: amount.value: "10,50": want a non-negative decimal string`},
		{"negative", `{"instructed_amount":{"value":"-1","currency":"USD"},` + party + `}`,
			`jsonform: payment 1: instructed_amount.value: "-1"`},
		{"bad currency", `{"amount":{"value":"1","currency":"usd"},` + party + `}`,
			`jsonform: payment 1: amount.currency: "usd": want a three-letter ISO 4217 code`},
		{"bad date", `{"value_date":"09/04/2021",` + party + `}`,
			`jsonform: payment 1: value_date: "09/04/2021": want YYYY-MM-DD`},
		{"no parties", `{"amount":{"value":"1","currency":"USD"}}`, "jsonform: payment 1: parties: no parties"},
		{"unknown role", `{"parties":[{"role":"creditor","name":"A"},{"role":"beneficiary","name":"B"}]}`,
			`jsonform: payment 1: parties[2].role: "beneficiary": not a role`},
		{"nameless party", `{"parties":[{"role":"creditor","country":"IR"}]}`,
			"jsonform: payment 1: parties[1].name: no name, bic, account or identifier"},
		{"bad BIC", `{"parties":[{"role":"creditor_agent","bic":"chasus33"}]}`,
			`jsonform: payment 1: parties[1].bic: "chasus33"`},
		{"bad country", `{"parties":[{"role":"creditor","name":"A","country":"Iran"}]}`,
			`jsonform: payment 1: parties[1].country: "Iran"`},
		{"bad birth date", `{"parties":[{"role":"creditor","name":"A","birth_date":"1970"}]}`,
			`jsonform: payment 1: parties[1].birth_date: "1970"`},
		{"bad identifier kind", `{"parties":[{"role":"creditor","name":"A","identifiers":[{"kind":"ssn","number":"1"}]}]}`,
			`jsonform: payment 1: parties[1].identifiers[1].kind: "ssn"`},
		{"empty identifier", `{"parties":[{"role":"creditor","identifiers":[{"kind":"tax"}]}]}`,
			"jsonform: payment 1: parties[1].identifiers[1].number: empty"},
		{"empty text", `{` + party + `,"remittance_info":[{"text":" "}]}`,
			"jsonform: payment 1: remittance_info[1].text: empty"},
		{"negative index", `{"index":-2,` + party + `}`, "jsonform: payment 1: index: -2"},
		{"third in array", `[{` + party + `},{` + party + `},{"parties":[]}]`, "jsonform: payment 3: parties: no parties"},
		{"second NDJSON line", "{" + party + "}\n{\"parties\":[{\"role\":\"x\",\"name\":\"A\"}]}\n", `jsonform: payment 2: parties[1].role: "x"`},
		{"not an object in array", `[{` + party + `}, 7]`, "jsonform: payment 2: want a payment object, not a JSON number"},
		{"array after object", "{" + party + "}\n[]", "jsonform: payment 2: want a payment object, not a JSON array"},
		{"data after array", `[{` + party + `}] {}`, "jsonform: offset"},
		{"truncated", `[{` + party + `}, {"parties":[`, "jsonform: payment 2: "},
		{"cut after a comma", `[{` + party + `},`, "jsonform: payment 2: input ends inside the array"},
		{"syntax", `{"parties":[{"role":"creditor" "name":"A"}]}`, "jsonform: payment 1: malformed JSON at offset"},
		{"empty", "  \n", "jsonform: no payments: the input is empty"},
		{"not JSON", "<Document/>", `jsonform: want a payment object, an array of them or NDJSON; input starts with '<'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := Read(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error; %+v", ps)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T, want *Error: %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	input := example(t)
	if _, err := (Reader{MaxBytes: 100}).Read(strings.NewReader(input)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100-byte limit: %v, want ErrTooLarge", err)
	}
	if _, err := (Reader{MaxBytes: int64(len(input))}).Read(strings.NewReader(input)); err != nil {
		t.Errorf("limit of exactly the size: %v", err)
	}
}
