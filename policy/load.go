package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// maxPackBytes bounds a pack file: the bundled pack is a few tens of kilobytes.
const maxPackBytes = 4 << 20

// The YAML form of a pack. Field names are the keys of the file; decoding is strict, so that
// a misspelt key ("efect:") is an error rather than a licence without an effect.
type packFile struct {
	Pack     packHeader    `yaml:"pack"`
	Licences []licenceFile `yaml:"licences"`
}

type packHeader struct {
	ID         string `yaml:"id"`
	Version    string `yaml:"version"`
	Title      string `yaml:"title"`
	Disclaimer string `yaml:"disclaimer"`
}

type licenceFile struct {
	ID          string         `yaml:"id"`
	Authority   string         `yaml:"authority"`
	Title       string         `yaml:"title"`
	Citations   []citationFile `yaml:"citations"`
	Effective   effectiveFile  `yaml:"effective"`
	AppliesTo   string         `yaml:"applies_to"`
	Scope       scopeFile      `yaml:"scope"`
	When        string         `yaml:"when"`
	Effect      string         `yaml:"effect"`
	Explanation string         `yaml:"explanation"`
}

type citationFile struct {
	Document string `yaml:"document"`
	Section  string `yaml:"section"`
	URL      string `yaml:"url"`
}

type effectiveFile struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

type scopeFile struct {
	Programs      []string `yaml:"programs"`
	Lists         []string `yaml:"lists"`
	Jurisdictions []string `yaml:"jurisdictions"`
}

// Error is a fault in a pack, with where it is: the file, the licence (when the fault is in
// one) and the line.
type Error struct {
	File    string
	Licence string // the licence's id; empty for faults of the pack as a whole
	Line    int    // 0 when unknown
	Err     error
}

func (e *Error) Error() string {
	var b bytes.Buffer
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Licence != "" {
		fmt.Fprintf(&b, ": licence %s", e.Licence)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// LoadFile reads and checks the pack in a file.
func LoadFile(path string) (*Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPackBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Load(data, path)
}

// Load reads a pack from YAML and checks it whole: every key known, every field valid, every
// condition compiled and type-checked to a bool. name says where the pack came from, for
// messages. The first fault is returned as an *Error naming the licence.
func Load(data []byte, name string) (*Pack, error) {
	fail := func(licence string, line int, err error) error {
		return &Error{File: name, Licence: licence, Line: line, Err: err}
	}
	if len(data) > maxPackBytes {
		return nil, fail("", 0, fmt.Errorf("larger than %d bytes", maxPackBytes))
	}
	// The tree first: it says on which line each licence starts and what its id is, so that
	// a fault the strict decoder finds can be put to the licence it is in.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fail("", 0, err)
	}
	spans := licenceSpans(&root)

	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var pf packFile
	if err := dec.Decode(&pf); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fail("", 0, errors.New("empty pack"))
		}
		line := yamlErrorLine(err)
		return nil, fail(spans.at(line), line, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fail("", 0, errors.New("more than one YAML document: a pack is one"))
	}
	envs, err := newEnvs()
	if err != nil {
		return nil, fail("", 0, err)
	}
	return build(&pf, spans, envs, fail)
}

// span is a licence's place in the file.
type span struct {
	line     int
	id       string
	whenLine int // the line of the condition, where its errors are
}

type spanList []span

// at returns the id of the licence a line falls in; "" before the first licence.
func (s spanList) at(line int) string {
	id := ""
	for _, sp := range s {
		if sp.line > line {
			break
		}
		id = sp.id
	}
	return id
}

// licenceSpans finds each licence's first line and id in the YAML tree; a licence with no
// id is named by its place ("#3"), so that even that fault points somewhere.
func licenceSpans(root *yaml.Node) spanList {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil
	}
	var out spanList
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "licences" || top.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for n, item := range top.Content[i+1].Content {
			sp := span{line: item.Line, id: "#" + strconv.Itoa(n+1)}
			if item.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(item.Content); j += 2 {
					key, val := item.Content[j].Value, item.Content[j+1]
					switch {
					case key == "id" && val.Kind == yaml.ScalarNode && val.Value != "":
						sp.id = val.Value
					case key == "when":
						sp.whenLine = val.Line
						if val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
							sp.whenLine++ // a block scalar starts on the line after its indicator
						}
					}
				}
			}
			out = append(out, sp)
		}
	}
	return out
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrorLine returns the first line number a yaml error names, or 0.
func yamlErrorLine(err error) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
