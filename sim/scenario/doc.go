// Package scenario reads sales-organisation designs written in TOML and
// turns them into a checked [org.Config].
//
// A scenario file is decoded into a generic tree first: included files and
// a selected variant are merged under it (tables merge by key, arrays are
// replaced whole) and -set overrides are applied last. The merged tree is
// then decoded strictly into [Document], whose struct tags are the single
// source of the format: key names (toml), meaning and units (doc), default
// values (default), allowed ranges (range) and required keys (req). The same
// tags generate the JSON Schema ([Schema]) and the Markdown reference
// ([Reference]) shipped in the scenarios directory.
//
// Every problem found in a design is reported at once, each as a
// [*FieldError] positioned "file:line: key: message" at the place where the
// offending value was written, even through includes, variants and
// overrides. Values keep their units in the text ("4h", "12/day", "10%",
// "150k", "exp(mean=4h)"); loading turns them into the hours, per-hour rates
// and fractions of org.Config, resolves names to indices and checks the
// rules that span several keys (convert.go holds that whole mapping).
//
// Entry points: [Load] (or [LoadAs], to name the file as the user wrote
// it) reads a file and its includes from an fs.FS, [Parse] a single
// stream, [Builtin] a built-in design by name (package scenarios), and
// [FromSources] rebuilds a design from the recorded text of its files, as
// shard files and manifests keep it, checking its SHA-256. Paths on disk
// are the command's business: this package reads only through fs.FS.
//
// This package is the only importer of github.com/BurntSushi/toml.
package scenario
