package iso20022

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/payment/internal/readlimit"
)

// Defaults for Reader's limits.
const (
	DefaultMaxBytes = 256 << 20 // a large bulk pain.001; more is a split job, not one file
	DefaultMaxDepth = 64        // a real message nests about 10 deep
)

// Reader reads ISO 20022 messages within limits. The zero value uses the defaults.
type Reader struct {
	MaxBytes int64 // the input is refused past this many bytes
	MaxDepth int   // and past this depth of the elements around the transactions
}

// Read reads one message with the default limits.
func Read(r io.Reader) ([]corridor.Payment, error) { return Reader{}.Read(r) }

// Read reads one pacs.008 or pain.001 message and returns one payment per transaction, in
// message order. Errors are *Error, naming the element and the line.
//
// encoding/xml expands no entities but the five of XML itself and fetches nothing, so an
// external entity cannot reach a file or the network; a DOCTYPE is refused all the same, as
// no ISO 20022 message has one. Inside a transaction, encoding/xml's own depth limit applies.
func (rd Reader) Read(r io.Reader) ([]corridor.Payment, error) {
	maxBytes, maxDepth := rd.MaxBytes, rd.MaxDepth
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	p := &parser{
		dec:      xml.NewDecoder(readlimit.Reader(r, maxBytes, ErrTooLarge)),
		maxDepth: maxDepth,
	}
	if err := p.scan(); err != nil {
		return nil, err
	}
	return p.payments()
}

// message is what the Document's namespace says it holds.
type message struct {
	kind    string // "pacs.008" or "pain.001"
	id      string // "pacs.008.001.08"
	version int
	root    string // the element the Document must hold
}

// versions accepted for each message; see the package comment.
var versions = map[string][2]int{"pacs.008": {7, 13}, "pain.001": {3, 12}}

var roots = map[string]string{"pacs.008": "FIToFICstmrCdtTrf", "pain.001": "CstmrCdtTrfInitn"}

// messageRe finds the message in a namespace: ISO's own URN or a national variant's URL.
var messageRe = regexp.MustCompile(`\b([a-z]{4}\.\d{3})\.001\.(\d{2})\b`)

func detect(space string, line int) (message, error) {
	m := messageRe.FindStringSubmatch(space)
	if m == nil {
		if space == "" {
			return message{}, errorf(line, "Document", "no namespace: cannot tell the message type")
		}
		return message{}, errorf(line, "Document", "not pacs.008 or pain.001: %s", space)
	}
	bounds, ok := versions[m[1]]
	if !ok {
		return message{}, errorf(line, "Document", "not pacs.008 or pain.001: %s", space)
	}
	v, _ := strconv.Atoi(m[2])
	if v < bounds[0] || v > bounds[1] {
		return message{}, errorf(line, "Document", "%s.001.%s: version not accepted (accepted: %s.001.%02d to %s.001.%02d)",
			m[1], m[2], m[1], bounds[0], m[1], bounds[1])
	}
	return message{kind: m[1], id: m[1] + ".001." + m[2], version: v, root: roots[m[1]]}, nil
}

type parser struct {
	dec      *xml.Decoder
	maxDepth int

	msg     message
	hasDoc  bool
	hasRoot bool
	appHdr  *xmlAppHdr
	grpHdr  *xmlGrpHdr
	hdrLine int
	txs     []xmlTx     // pacs.008
	pmtInfs []xmlPmtInf // pain.001
}

// scan walks the input: through any wrappers to the Document, and within the Document's
// message element decodes the group header and each transaction (or payment information
// block) on its own, so that no generic tree of the whole file is ever built.
func (p *parser) scan() error {
	depth := 0
	docDepth := -1 // the depth of the Document's own children, once inside it
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return p.fail(err)
		}
		line, _ := p.dec.InputPos()
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return errorf(line, "", "a DOCTYPE is not accepted in an ISO 20022 message")
			}
		case xml.EndElement:
			depth--
			if depth < docDepth-1 { // the Document itself has ended
				docDepth = -1
			}
		case xml.StartElement:
			depth++
			if depth > p.maxDepth {
				return errorf(line, t.Name.Local, "elements nested deeper than %d", p.maxDepth)
			}
			name := t.Name.Local
			switch {
			case docDepth < 0 && name == "Document":
				if p.hasDoc {
					return errorf(line, "Document", "a second Document: one message per input")
				}
				p.hasDoc = true
				if p.msg, err = detect(t.Name.Space, line); err != nil {
					return err
				}
				docDepth = depth + 1
			case docDepth < 0 && name == "AppHdr":
				p.appHdr = new(xmlAppHdr)
				if err := p.decode(p.appHdr, &t, &depth); err != nil {
					return err
				}
			case docDepth < 0:
				// A wrapper: walk into it.
			case depth == docDepth:
				if name != p.msg.root || p.hasRoot {
					return errorf(line, "Document/"+name, "unexpected element in a %s Document (want one %s)", p.msg.id, p.msg.root)
				}
				p.hasRoot = true
			case depth == docDepth+1:
				if err := p.child(&t, &depth, line); err != nil {
					return err
				}
			}
		}
	}
	switch {
	case !p.hasDoc:
		return errorf(0, "", "no ISO 20022 Document element")
	case !p.hasRoot:
		return errorf(0, "Document", "no %s element", p.msg.root)
	case p.grpHdr == nil:
		return errorf(0, p.msg.root+"/GrpHdr", "missing")
	}
	return nil
}

// child decodes one child of the message element.
func (p *parser) child(t *xml.StartElement, depth *int, line int) error {
	switch name := t.Name.Local; {
	case name == "GrpHdr":
		if p.grpHdr != nil {
			return errorf(line, "GrpHdr", "a second GrpHdr")
		}
		p.grpHdr, p.hdrLine = new(xmlGrpHdr), line
		return p.decode(p.grpHdr, t, depth)
	case name == "CdtTrfTxInf" && p.msg.kind == "pacs.008":
		p.txs = append(p.txs, xmlTx{})
		return p.decode(&p.txs[len(p.txs)-1], t, depth)
	case name == "PmtInf" && p.msg.kind == "pain.001":
		p.pmtInfs = append(p.pmtInfs, xmlPmtInf{})
		return p.decode(&p.pmtInfs[len(p.pmtInfs)-1], t, depth)
	case name == "SplmtryData":
		*depth--
		return p.fail(p.dec.Skip())
	default:
		return errorf(line, p.msg.root+"/"+name, "unexpected element in %s", p.msg.id)
	}
}

// decode reads the element t opened into v; the element's end is consumed with it.
func (p *parser) decode(v any, t *xml.StartElement, depth *int) error {
	*depth--
	return p.fail(p.dec.DecodeElement(v, t))
}

// fail turns a decoder error into an *Error with the line it stopped on.
func (p *parser) fail(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	line, _ := p.dec.InputPos()
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return &Error{Line: syn.Line, Err: fmt.Errorf("malformed XML: %s", syn.Msg)}
	}
	return &Error{Line: line, Err: err}
}
