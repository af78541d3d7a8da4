package dist

import (
	"math/rand/v2"
	"testing"
)

func BenchmarkSample(b *testing.B) {
	for _, spec := range []string{
		"exp(mean=4h)",
		"lognormal(median=70d, p90=180d)",
		"gamma(shape=0.5, mean=2h)",
		"gamma(shape=2.5, mean=4h)",
		"empirical(1h, 2h, 4h)",
		"empirical(1h:1, 2h:3, 4h:2, 8h:1, 16h:0.5)",
	} {
		d := MustParse(spec)
		b.Run(spec, func(b *testing.B) {
			b.ReportAllocs()
			r := rand.New(rand.NewPCG(1, 1))
			var x float64
			for b.Loop() {
				x += d.Sample(r)
			}
			sampleSink = x
		})
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse("lognormal(median=70d, p90=180d)")
		if err != nil {
			b.Fatal(err)
		}
		sampleSink = d.Mean()
	}
}

func BenchmarkStream(b *testing.B) {
	b.ReportAllocs()
	id := StreamID("inbound:web")
	for i := 0; b.Loop(); i++ {
		sampleSink = Stream(1, i, id).Float64()
	}
}
