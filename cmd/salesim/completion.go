package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/experiment"
)

func init() {
	register(&command{
		Name:      "completion",
		UsageLine: "bash|zsh",
		Args:      argShell,
		Short:     "print a shell completion script",
		Long: `Completion prints a script that completes salesim's commands, their flags,
the built-in scenario names and scenario files, for bash or zsh.

bash: add to ~/.bashrc
	source <(salesim completion bash)
zsh: add to ~/.zshrc (after compinit)
	source <(salesim completion zsh)`,
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) != 1 {
				return usagef("completion takes one shell: bash or zsh")
			}
			switch args[0] {
			case "bash":
				return writeBash(env.stdout)
			case "zsh":
				return writeZsh(env.stdout)
			}
			return usagef("completion %s: want bash or zsh", args[0])
		},
	})
}

// A completionFlag is a flag as completion scripts see it.
type completionFlag struct {
	name, usage string
	bool        bool     // takes no value
	values      []string // the values it takes, if a fixed set
	dir         bool     // takes a folder
}

// completionSpec lists, per command, its flags, from the registry.
func completionSpec() (names []string, flags map[string][]completionFlag) {
	flags = map[string][]completionFlag{}
	for n, c := range commands {
		names = append(names, n)
		fs := flag.NewFlagSet(n, flag.ContinueOnError)
		if c.Flags != nil {
			c.Flags(fs)
		}
		fs.VisitAll(func(f *flag.Flag) {
			cf := completionFlag{name: f.Name, usage: f.Usage}
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				cf.bool = true
			}
			switch f.Name {
			case "out":
				cf.dir = true
			case "records":
				for r := experiment.RecordsAuto; r <= experiment.RecordsBoth; r++ {
					cf.values = append(cf.values, r.String())
				}
			}
			flags[n] = append(flags[n], cf)
		})
	}
	sort.Strings(names)
	return names, flags
}

// writeBash writes the bash completion script.
func writeBash(w io.Writer) error {
	names, flags := completionSpec()
	var b strings.Builder
	b.WriteString("# bash completion for salesim: source <(salesim completion bash)\n")
	b.WriteString("_salesim() {\n\tlocal cur prev cmd\n\tcur=${COMP_WORDS[COMP_CWORD]}\n\tprev=${COMP_WORDS[COMP_CWORD-1]}\n")
	fmt.Fprintf(&b, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\tCOMPREPLY=($(compgen -W %q -- \"$cur\"))\n\t\treturn\n\tfi\n",
		strings.Join(append(append([]string{}, names...), "help", "--version"), " "))
	b.WriteString("\tcmd=${COMP_WORDS[1]}\n\tcase \"$cmd $prev\" in\n")
	for _, n := range names {
		for _, f := range flags[n] {
			switch {
			case f.dir:
				fmt.Fprintf(&b, "\t\"%s -%s\") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", n, f.name)
			case len(f.values) > 0:
				fmt.Fprintf(&b, "\t\"%s -%s\") COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", n, f.name, strings.Join(f.values, " "))
			case !f.bool:
				fmt.Fprintf(&b, "\t\"%s -%s\") COMPREPLY=(); return ;;\n", n, f.name)
			}
		}
	}
	b.WriteString("\tesac\n\tif [[ $cur == -* ]]; then\n\t\tcase $cmd in\n")
	for _, n := range names {
		var fl []string
		for _, f := range flags[n] {
			fl = append(fl, "-"+f.name)
		}
		fl = append(fl, "-h")
		fmt.Fprintf(&b, "\t\t%s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", n, strings.Join(fl, " "))
	}
	b.WriteString("\t\tesac\n\t\treturn\n\tfi\n\tcase $cmd in\n")
	builtins := strings.Join(scenarios.Names(), " ")
	for _, n := range names {
		switch commands[n].args() {
		case argScenario:
			fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -W %q -- \"$cur\") $(compgen -f -X '!*.toml' -- \"$cur\") $(compgen -d -- \"$cur\")) ;;\n", n, builtins)
		case argBuiltin:
			fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", n, builtins)
		case argDir:
			fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n", n)
		case argShell:
			fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -W \"bash zsh\" -- \"$cur\")) ;;\n", n)
		case argExperiment:
			fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -W %q -- \"$cur\") $(compgen -f -X '!*.toml' -- \"$cur\") $(compgen -d -- \"$cur\")) ;;\n", n, strings.Join(scenarios.ExperimentNames(), " "))
		}
	}
	fmt.Fprintf(&b, "\thelp) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", strings.Join(names, " "))
	b.WriteString("\tesac\n}\ncomplete -o filenames -F _salesim salesim\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// zshQuote escapes text for a zsh _arguments spec in single quotes.
func zshQuote(s string) string {
	r := strings.NewReplacer("'", `'\''`, "[", `\[`, "]", `\]`, ":", `\:`, "`", "")
	return r.Replace(s)
}

// writeZsh writes the zsh completion script.
func writeZsh(w io.Writer) error {
	names, flags := completionSpec()
	var b strings.Builder
	b.WriteString("#compdef salesim\n# zsh completion for salesim: source <(salesim completion zsh), after compinit\n")
	b.WriteString("_salesim() {\n\tlocal -a cmds\n\tcmds=(\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t\t'%s:%s'\n", n, zshQuote(commands[n].Short))
	}
	b.WriteString("\t\t'help:the help of a command'\n\t)\n")
	b.WriteString("\tif (( CURRENT == 2 )); then\n\t\t_describe 'command' cmds\n\t\treturn\n\tfi\n")
	b.WriteString("\tlocal cmd=$words[2]\n\tcurcontext=\"${curcontext%:*:*}:salesim-$cmd:\"\n\tshift words\n\t(( CURRENT-- ))\n\tcase $cmd in\n")
	builtins := strings.Join(scenarios.Names(), " ")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%s)\n\t\t_arguments", n)
		for _, f := range flags[n] {
			spec := "-" + f.name + "[" + zshQuote(firstSentence(f.usage)) + "]"
			switch {
			case f.name == "set":
				spec = "*" + spec + ":key=value:"
			case f.dir:
				spec += ":folder:_files -/"
			case len(f.values) > 0:
				spec += ":format:(" + strings.Join(f.values, " ") + ")"
			case !f.bool:
				spec += ":value:"
			}
			fmt.Fprintf(&b, " \\\n\t\t\t'%s'", spec)
		}
		switch commands[n].args() {
		case argScenario:
			fmt.Fprintf(&b, " \\\n\t\t\t'*:scenario:_alternative \"builtins:built-in:(%s)\" \"files:file:_files -g \\*.toml\"'", builtins)
		case argBuiltin:
			fmt.Fprintf(&b, " \\\n\t\t\t'1:built-in:(%s)' '2:file:_files -g \\*.toml'", builtins)
		case argDir:
			b.WriteString(" \\\n\t\t\t'1:folder:_files -/'")
		case argShell:
			b.WriteString(" \\\n\t\t\t'1:shell:(bash zsh)'")
		case argExperiment:
			fmt.Fprintf(&b, " \\\n\t\t\t'1:experiment:_alternative \"builtins:built-in:(%s)\" \"files:file:_files -g \\*.toml\"'", strings.Join(scenarios.ExperimentNames(), " "))
		}
		b.WriteString("\n\t\t;;\n")
	}
	fmt.Fprintf(&b, "\thelp)\n\t\t_arguments '1:command:(%s)'\n\t\t;;\n", strings.Join(names, " "))
	b.WriteString("\tesac\n}\nif [ \"$funcstack[1]\" = \"_salesim\" ]; then\n\t_salesim \"$@\"\nelse\n\tcompdef _salesim salesim\nfi\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// firstSentence is a flag's usage up to its first parenthesis or
// semicolon, for the one-line descriptions of zsh.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, "(;"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
