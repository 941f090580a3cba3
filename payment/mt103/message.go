package mt103

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// parseChunk reads the messages of one chunk of a file (normally one; a chunk may also hold
// an acknowledgement before its message, or messages written without "$" between them).
func parseChunk(text string, line int) ([]corridor.Payment, error) {
	blocks, err := splitBlocks(text, line)
	if err != nil {
		return nil, err
	}
	var groups [][]block
	for _, b := range blocks {
		if b.id == "1" || len(groups) == 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], b)
	}
	var out []corridor.Payment
	for _, g := range groups {
		if g[0].id == "1" && strings.HasPrefix(g[0].content, "F21") {
			continue // an ACK or NAK of the network: a receipt, not a payment
		}
		p, err := parseMessage(g)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// parseMessage reads the blocks of one message.
func parseMessage(blocks []block) (corridor.Payment, error) {
	byID := map[string]block{}
	for _, b := range blocks {
		switch b.id {
		case "1", "2", "3", "4", "5", "S":
		default:
			return corridor.Payment{}, fmt.Errorf("line %d: block %q is not a block of a FIN message", b.line, b.id)
		}
		if _, dup := byID[b.id]; dup {
			return corridor.Payment{}, fmt.Errorf("line %d: block %s appears twice", b.line, b.id)
		}
		byID[b.id] = b
	}
	for _, id := range []string{"1", "2", "4"} {
		if _, ok := byID[id]; !ok {
			return corridor.Payment{}, fmt.Errorf("line %d: no block %s", blocks[0].line, id)
		}
	}
	p := corridor.Payment{Format: "MT103"}
	sender, receiver, err := terminals(byID["1"], byID["2"])
	if err != nil {
		return p, err
	}
	if b3, ok := byID["3"]; ok {
		subs, err := subBlocks(b3.content)
		if err != nil {
			return p, fmt.Errorf("line %d: block 3: %w", b3.line, err)
		}
		p.UETR = subs["121"]
	}
	senderAt, receiverAt := "block 1", "block 2"
	if byID["2"].content[0] == 'O' {
		senderAt, receiverAt = receiverAt, senderAt
	}
	p.Parties = append(p.Parties,
		corridor.Party{Role: corridor.RoleSender, BIC: sender, Where: senderAt},
		corridor.Party{Role: corridor.RoleReceiver, BIC: receiver, Where: receiverAt})
	b4 := byID["4"]
	fields, err := splitFields(b4.content, b4.line)
	if err != nil {
		return p, err
	}
	if err := readFields(&p, fields); err != nil {
		return p, err
	}
	return p, nil
}

// terminals returns the BICs of the sender and the receiver, from the logical terminal
// addresses of blocks 1 and 2. Block 1 holds the address of the side that sent or received
// the message here; block 2 the other side's, for an input message (I) the receiver and for
// an output message (O) the sender.
func terminals(b1, b2 block) (sender, receiver string, err error) {
	c1 := b1.content
	if len(c1) < 15 || c1[:3] != "F01" {
		return "", "", fmt.Errorf("line %d: block 1 %q: want F01 and a 12-character logical terminal", b1.line, clip(c1))
	}
	own, err := terminalBIC(c1[3:15])
	if err != nil {
		return "", "", fmt.Errorf("line %d: block 1: %w", b1.line, err)
	}
	c2 := b2.content
	if len(c2) < 4 || (c2[0] != 'I' && c2[0] != 'O') {
		return "", "", fmt.Errorf("line %d: block 2 %q: want I or O and the message type", b2.line, clip(c2))
	}
	if c2[1:4] != "103" {
		return "", "", fmt.Errorf("line %d: block 2: MT%s is not an MT103", b2.line, c2[1:4])
	}
	var other string
	switch c2[0] {
	case 'I': // I103 + receiver's address (12) + priority ...
		if len(c2) < 16 {
			return "", "", fmt.Errorf("line %d: block 2 %q: too short for the receiver's address", b2.line, c2)
		}
		other, err = terminalBIC(c2[4:16])
		return own, other, wrapBlock2(b2, err)
	default: // O103 + input time (4) + input date (6) + sender's address (12) ...
		if len(c2) < 26 {
			return "", "", fmt.Errorf("line %d: block 2 %q: too short for the sender's address", b2.line, c2)
		}
		other, err = terminalBIC(c2[14:26])
		return other, own, wrapBlock2(b2, err)
	}
}

func wrapBlock2(b2 block, err error) error {
	if err != nil {
		return fmt.Errorf("line %d: block 2: %w", b2.line, err)
	}
	return nil
}

// terminalBIC turns a logical terminal address (BIC8, terminal code, branch) into a BIC11.
func terminalBIC(lt string) (string, error) {
	bic := lt[:8] + lt[9:12]
	if !isBIC(bic) {
		return "", fmt.Errorf("logical terminal %q does not hold a BIC", lt)
	}
	return bic, nil
}
