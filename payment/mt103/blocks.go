package mt103

import (
	"errors"
	"fmt"
	"strings"
)

// block is one {id:content} block of a SWIFT FIN message.
type block struct {
	id      string
	content string
	line    int // of the block's start, in the file
}

// splitBlocks reads the blocks of a chunk of text holding one or more messages. Block 4 of
// an MT103 is text ("{4:\n...\n-}"); every other block is a balanced {...} group, possibly
// with sub-blocks ({3:{121:...}}).
func splitBlocks(s string, line int) ([]block, error) {
	var blocks []block
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			if s[i] == '\n' {
				line++
			}
			i++
		}
		if i == len(s) {
			return blocks, nil
		}
		if strings.Trim(s[i:], "{}\n\r\t ") == "" {
			// A brace left over after the last block ("-}{"): it carries nothing.
			return blocks, nil
		}
		if s[i] != '{' {
			return nil, fmt.Errorf("line %d: want a block \"{n:...}\", found %q", line, clip(s[i:]))
		}
		colon := strings.IndexByte(s[i:], ':')
		if colon < 2 || colon > 4 {
			return nil, fmt.Errorf("line %d: a block without an identifier: %q", line, clip(s[i:]))
		}
		id := s[i+1 : i+colon]
		start := i + colon + 1
		var end, next int
		if id == "4" && start < len(s) && (s[start] == '\n' || s[start] == '\r') {
			term := strings.Index(s[start:], "\n-}")
			if term < 0 {
				return nil, fmt.Errorf("line %d: block 4 does not end with a line \"-}\"", line)
			}
			end, next = start+term, start+term+3
		} else {
			var err error
			if end, err = closingBrace(s, start); err != nil {
				return nil, fmt.Errorf("line %d: block %s: %w", line, id, err)
			}
			next = end + 1
		}
		blocks = append(blocks, block{id: id, content: s[start:end], line: line})
		line += strings.Count(s[i:next], "\n")
		i = next
	}
}

// closingBrace returns the index of the brace that closes the group whose content starts at
// start, counting nested groups.
func closingBrace(s string, start int) (int, error) {
	depth := 0
	for j := start; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return j, nil
			}
			depth--
		}
	}
	return 0, errors.New("no closing brace")
}

// subBlocks reads the {tag:value} groups of a header or trailer block.
func subBlocks(content string) (map[string]string, error) {
	out := map[string]string{}
	for i := 0; i < len(content); {
		if content[i] != '{' {
			return nil, fmt.Errorf("want {tag:value}, found %q", clip(content[i:]))
		}
		end, err := closingBrace(content, i+1)
		if err != nil {
			return nil, err
		}
		tag, value, ok := strings.Cut(content[i+1:end], ":")
		if !ok {
			return nil, fmt.Errorf("sub-block %q has no tag", content[i:end+1])
		}
		out[tag] = value
		i = end + 1
	}
	return out, nil
}

// clip shortens text quoted in an error.
func clip(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
