package scenario

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/salesim/salesim/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files scenarios/salesim.schema.json and scenarios/REFERENCE.md")

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the types in types.go: run go test ./sim/scenario -run Golden -update", path)
	}
}

func TestSchemaGolden(t *testing.T) {
	golden(t, "../../scenarios/salesim.schema.json", Schema())
}

func TestReferenceGolden(t *testing.T) {
	golden(t, "../../scenarios/REFERENCE.md", Reference())
}

func TestReferenceCoversEveryKey(t *testing.T) {
	ref := string(Reference())
	for _, key := range []string{"`roles.<role>.headcount`", "`stages[].convert`", "`roles.<role>.pay.salary`",
		"`roles.<role>.blocks[].only`", "`roles.<role>.speed.<activity>`", "`reorg[].moves[].n`", "`target.baseline`", "`variants`"} {
		if !strings.Contains(ref, key) {
			t.Errorf("reference lacks %s", key)
		}
	}
	// Every key of every table type appears as the end of some path.
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		if seen[rt] {
			return
		}
		seen[rt] = true
		for _, f := range fieldsOf(rt) {
			found := false
			for _, form := range []string{"." + f.key + "`", "`" + f.key + "`", "## " + f.key + "\n", "." + f.key + ".<"} {
				found = found || strings.Contains(ref, form)
			}
			if !found {
				t.Errorf("reference lacks key %s of %s", f.key, rt.Name())
			}
			ft := f.typ
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft.Implements(namedType):
				ft = ft.Elem().Field(1).Type
			case ft.Kind() == reflect.Slice:
				ft = ft.Elem()
			}
			if isTable(ft) {
				walk(ft)
			}
		}
	}
	walk(reflect.TypeFor[Document]())
}

// TestDefaultsDecode checks that every default tag decodes into its field:
// a bad default would only show when a file leaves the key out.
func TestDefaultsDecode(t *testing.T) {
	d := newDecoder()
	var doc Document
	root := newTable(pos{file: "defaults"})
	for _, k := range []string{"roles", "activities", "inbound", "database"} {
		entry := newTable(root.pos)
		switch k {
		case "activities":
			entry.set("duration", &node{val: "1h"})
		case "inbound":
			entry.set("rate", &node{val: "1/h"})
		case "database":
			entry.set("contacts", &node{val: int64(1)})
		}
		tbl := newTable(root.pos)
		tbl.set("x", entry)
		root.set(k, tbl)
	}
	d.decodeStruct(root, reflectValue(&doc), "")
	for _, e := range d.errs {
		t.Errorf("default: %v", e)
	}
}

func TestSchemaValidatesScenarios(t *testing.T) {
	var schema any
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("salesim.schema.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("salesim.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = fs.WalkDir(scenarios.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		n++
		b, err := fs.ReadFile(scenarios.FS, p)
		if err != nil {
			return err
		}
		inst := tomlToJSON(t, p, b)
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no scenario files")
	}
	// It accepts the forms people write, which the loader accepts.
	for _, good := range []string{
		`[run]` + "\nhorizon = \"12 months\"\nwarmup = \"1 h 30 min\"",
		`[inbound.web]` + "\nrate = \"2 per day\"",
		`[inbound.web]` + "\nrate = \"every 2 days\"",
		`[market]` + "\nsize = \"2.5G\"",
	} {
		if err := sch.Validate(tomlToJSON(t, "good", []byte(good))); err != nil {
			t.Errorf("schema rejects %q: %v", good, err)
		}
	}
	// The schema must also reject what the loader rejects.
	for _, bad := range []string{
		`[roles.hunter]` + "\nheadcont = 3",
		`[run]` + "\nhorizon = 12",
		`[[stages]]` + "\nconvert = \"5%\"",
		`[roles.x]` + "\nassign = \"random\"",
		`[inbound.web]` + "\nrate = \"2\"",
	} {
		if err := sch.Validate(tomlToJSON(t, "bad", []byte(bad))); err == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
}

// tomlToJSON converts TOML to the JSON value the validator takes.
func tomlToJSON(t *testing.T, name string, b []byte) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(b), &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	j, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func TestScenarioFilesStartWithSchemaDirective(t *testing.T) {
	err := fs.WalkDir(scenarios.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		b, err := fs.ReadFile(scenarios.FS, p)
		if err != nil {
			return err
		}
		want := "#:schema ./salesim.schema.json\n"
		if strings.Contains(p, "/") {
			want = "#:schema " + strings.Repeat("../", strings.Count(p, "/")) + "salesim.schema.json\n"
		}
		if !bytes.HasPrefix(b, []byte(want)) {
			t.Errorf("%s does not start with %q", p, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
