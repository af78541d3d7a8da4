package study

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/salesim/salesim/scenarios"
)

var update = flag.Bool("update", false, "rewrite scenarios/experiment.schema.json and scenarios/EXPERIMENTS.md")

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
		t.Errorf("%s is out of date with sim/study/spec.go: run go test ./sim/study -run Golden -update", path)
	}
}

func TestSchemaGolden(t *testing.T) {
	golden(t, "../../scenarios/experiment.schema.json", Schema())
}

func TestReferenceGolden(t *testing.T) {
	golden(t, "../../scenarios/EXPERIMENTS.md", Reference())
}

// TestSchemaValidates: the schema accepts every built-in experiment and
// rejects what the parser rejects for its shape.
func TestSchemaValidates(t *testing.T) {
	t.Parallel()
	var doc any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("experiment.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("experiment.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	check := func(name, text string) error {
		var m map[string]any
		if _, err := toml.Decode(text, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		j, _ := json.Marshal(m)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(v)
	}
	for _, n := range scenarios.ExperimentNames() {
		b, err := fs.ReadFile(scenarios.Experiments, "experiments/"+n+".toml")
		if err != nil {
			t.Fatal(err)
		}
		if err := check(n, string(b)); err != nil {
			t.Errorf("schema rejects the built-in %s: %v", n, err)
		}
	}
	if err := check("good", good); err != nil {
		t.Errorf("schema rejects a good file: %v", err)
	}
	for _, bad := range []string{
		"design = \"x\"\nreplicatons = 3\n",
		"design = \"x\"\n[[factor]]\nlevels = [1]\n",
		"design = \"x\"\n[[factor]]\nkey = \"k\"\nlevels = [\"a\"]\n",
		"design = \"x\"\n[plan]\nkind = \"grid\"\n",
		"replications = 3\n",
	} {
		if check("bad", bad) == nil {
			t.Errorf("schema accepts %q", bad)
		}
	}
}
