package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// Every flag can also be set from the environment and from one YAML config file. A value
// given on the command line wins over the environment, which wins over the config file,
// which wins over the built-in default. The environment variable of a flag is CORRIDOR_ and
// its name in capitals with "-" as "_" (--data-dir: CORRIDOR_DATA_DIR). The config file is
// --config, else CORRIDOR_CONFIG, else config.yaml in the user's config directory
// (~/.config/corridor/config.yaml) when it exists. docs/configuration.md describes it.

const envPrefix = "CORRIDOR_"

// defaultConfigPath is where corridor looks for a config file when none is named.
func defaultConfigPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "corridor", "config.yaml")
}

// envName is the environment variable that sets a flag.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// config is a parsed config file: values for any command that has a flag of the name, and
// sections, keyed by command path ("screen", "lists update"), for one command only.
type config struct {
	path     string
	global   map[string]configValue
	commands map[string]map[string]configValue
}

// configValue is one setting, with the line it was written on for error messages.
type configValue struct {
	values []string // one for a scalar, any number for a list
	line   int
}

// applyConfig sets every flag of cmd that the command line left unset from the environment
// or the config file.
func applyConfig(cmd *cobra.Command) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	var applyErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if applyErr != nil || f.Changed || f.Name == "help" || f.Name == "config" {
			return
		}
		if v, ok := os.LookupEnv(envName(f.Name)); ok {
			if err := setFlag(f, []string{v}); err != nil {
				applyErr = fmt.Errorf("environment %s: %w", envName(f.Name), err)
			}
			return
		}
		if cfg == nil {
			return
		}
		v, ok := cfg.commands[commandPath(cmd)][f.Name]
		if !ok {
			v, ok = cfg.global[f.Name]
		}
		if ok {
			if err := setFlag(f, v.values); err != nil {
				applyErr = fmt.Errorf("%s:%d: %s: %w", cfg.path, v.line, f.Name, err)
			}
		}
	})
	return applyErr
}

// setFlag sets a flag as if given on the command line: a list replaces the default of a
// list flag, each value of a repeatable flag counts once.
func setFlag(f *pflag.Flag, values []string) error {
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		var all []string
		for _, v := range values {
			if f.Value.Type() == "stringSlice" {
				all = append(all, splitList(v)...)
			} else {
				all = append(all, v)
			}
		}
		if err := sv.Replace(all); err != nil {
			return err
		}
		f.Changed = true
		return nil
	}
	if len(values) != 1 {
		return fmt.Errorf("want one value, got a list of %d", len(values))
	}
	if err := f.Value.Set(values[0]); err != nil {
		return err
	}
	f.Changed = true
	return nil
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// commandPath is a command's path without the program name: "screen", "lists update".
func commandPath(cmd *cobra.Command) string {
	path := cmd.CommandPath()
	if i := strings.IndexByte(path, ' '); i >= 0 {
		return path[i+1:]
	}
	return ""
}

// loadConfig reads the config file that applies, or returns nil when there is none. A file
// named by --config or CORRIDOR_CONFIG must exist; the default one may not.
func loadConfig(cmd *cobra.Command) (*config, error) {
	path, explicit := cmd.Flag("config").Value.String(), true
	if path == "" {
		path = os.Getenv(envPrefix + "CONFIG")
	}
	if path == "" {
		path, explicit = defaultConfigPath(), false
	}
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	return parseConfig(path, data, cmd.Root())
}

// parseConfig parses a config file and checks every key against the flags and commands of
// the command tree under root, so that a misspelt setting is an error, not silently ignored.
func parseConfig(path string, data []byte, root *cobra.Command) (*config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg := &config{path: path, global: map[string]configValue{}, commands: map[string]map[string]configValue{}}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of settings, e.g. \"threshold: 0.85\"", path, top.Line)
	}
	commands := commandsByPath(root)
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		if cmd, ok := commands[key.Value]; ok && val.Kind == yaml.MappingNode {
			section, err := parseSection(path, val, func(name string) bool { return hasFlag(cmd, name) })
			if err != nil {
				return nil, err
			}
			cfg.commands[key.Value] = section
			continue
		}
		if !anyCommandHasFlag(root, commands, key.Value) {
			return nil, fmt.Errorf("%s:%d: unknown setting %q: not a flag of any corridor command, nor a command", path, key.Line, key.Value)
		}
		v, err := valueOf(path, key.Value, val)
		if err != nil {
			return nil, err
		}
		cfg.global[key.Value] = v
	}
	return cfg, nil
}

func parseSection(path string, node *yaml.Node, known func(string) bool) (map[string]configValue, error) {
	out := map[string]configValue{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		if !known(key.Value) {
			return nil, fmt.Errorf("%s:%d: unknown setting %q for this command", path, key.Line, key.Value)
		}
		v, err := valueOf(path, key.Value, val)
		if err != nil {
			return nil, err
		}
		out[key.Value] = v
	}
	return out, nil
}

func valueOf(path, key string, node *yaml.Node) (configValue, error) {
	switch node.Kind {
	case yaml.ScalarNode:
		return configValue{values: []string{node.Value}, line: node.Line}, nil
	case yaml.SequenceNode:
		v := configValue{line: node.Line}
		for _, item := range node.Content {
			if item.Kind != yaml.ScalarNode {
				return configValue{}, fmt.Errorf("%s:%d: %s: want a list of plain values", path, item.Line, key)
			}
			v.values = append(v.values, item.Value)
		}
		return v, nil
	}
	return configValue{}, fmt.Errorf("%s:%d: %s: want a value or a list of values", path, node.Line, key)
}

// commandsByPath maps every command path under root ("screen", "lists update") to its command.
func commandsByPath(root *cobra.Command) map[string]*cobra.Command {
	out := map[string]*cobra.Command{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			out[commandPath(sub)] = sub
			walk(sub)
		}
	}
	walk(root)
	return out
}

func anyCommandHasFlag(root *cobra.Command, commands map[string]*cobra.Command, name string) bool {
	if name == "config" || name == "help" {
		return false
	}
	if root.PersistentFlags().Lookup(name) != nil {
		return true
	}
	for _, c := range commands {
		if c.Flags().Lookup(name) != nil {
			return true
		}
	}
	return false
}

// hasFlag reports whether cmd has a flag of that name, its own or inherited.
func hasFlag(cmd *cobra.Command, name string) bool {
	return name != "help" && name != "config" && (cmd.Flags().Lookup(name) != nil || cmd.InheritedFlags().Lookup(name) != nil)
}
