package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/org"
)

func TestMetricsListsEveryMetric(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"metrics"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	for _, m := range org.Metrics {
		if !strings.Contains(stdout.String(), "\n"+m.Name+" ") {
			t.Errorf("metric %s not listed", m.Name)
		}
	}
}
