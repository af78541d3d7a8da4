package org

import "github.com/salesim/salesim/sim/quantity"

// Limits on the size of a design, checked by [Config.Validate] before
// anything is allocated: a mistyped count (1e12 contacts, a headcount of
// a billion) is refused with the limit instead of exhausting memory. They
// are far above any sales department: the shipped designs have at most a
// few dozen people, a few thousand contacts and a few years.
const (
	// MaxReplications bounds Run.Replications (and so -reps): every
	// replication's record is kept in memory until the run ends.
	MaxReplications = 1_000_000
	// MaxPeople bounds the people of a design at any time: each role's
	// headcount, their sum at time 0, and every reorganisation's.
	MaxPeople = 100_000
	// MaxContacts bounds the contacts of the databases together (one byte
	// each per worker).
	MaxContacts = 100_000_000
	// MaxAccounts bounds the initial book: clients and leads per person
	// times the role's headcount, over every Initial entry.
	MaxAccounts = 10_000_000
	// MaxYears bounds the simulated time, warm-up and horizon together.
	MaxYears = 100
	// MaxMoney bounds every amount of a design (pay, budgets, sizes,
	// targets): a mistyped 1e308 would make costs and margins overflow
	// to infinity, which no summary or chart can show.
	MaxMoney = 1e15
)

// checkLimits refuses a design beyond the limits above.
func (c *Config) checkLimits(v *checker) {
	if c.Run.Replications > MaxReplications {
		v.bad("Run.Replications", "%d out of range: want at most %s (salesim's limit; split a larger run into several with other seeds)", c.Run.Replications, quantity.Count(MaxReplications))
	}
	if end := c.Run.Warmup + c.Run.Horizon; end > MaxYears*Year {
		field := "Run.Horizon"
		if c.Run.Warmup > c.Run.Horizon {
			field = "Run.Warmup"
		}
		v.bad(field, "warm-up %s + horizon %s = %s: want at most %d years together (salesim's limit)", fmtHours(c.Run.Warmup), fmtHours(c.Run.Horizon), fmtHours(end), MaxYears)
	}
	people := 0
	for i, r := range c.Roles {
		if r.Headcount > MaxPeople {
			v.bad(index("Roles", i)+".Headcount", "%d out of range: want at most %s people (salesim's limit)", r.Headcount, quantity.Count(MaxPeople))
			return
		}
		people += max(r.Headcount, 0)
	}
	if people > MaxPeople {
		v.bad("Roles", "%s people at time 0 in all roles together: want at most %s (salesim's limit)", quantity.Count(float64(people)), quantity.Count(MaxPeople))
	}
	for i, ro := range c.Reorgs {
		n := 0
		for r, h := range ro.Headcount {
			if h > MaxPeople {
				v.bad(index(index("Reorgs", i)+".Headcount", r), "%d out of range: want at most %s people (salesim's limit)", h, quantity.Count(MaxPeople))
				return
			}
			if h < 0 && r < len(c.Roles) {
				h = c.Roles[r].Headcount
			}
			n += max(h, 0)
		}
		if n > MaxPeople {
			v.bad(index("Reorgs", i)+".Headcount", "%s people in all roles together: want at most %s (salesim's limit)", quantity.Count(float64(n)), quantity.Count(MaxPeople))
		}
	}
	contacts := 0
	for i, db := range c.Databases {
		if db.Contacts > MaxContacts {
			v.bad(index("Databases", i)+".Contacts", "%d out of range: want at most %s contacts (salesim's limit)", db.Contacts, quantity.Count(MaxContacts))
			return
		}
		contacts += max(db.Contacts, 0)
	}
	if contacts > MaxContacts {
		v.bad("Databases", "%s contacts in all databases together: want at most %s (salesim's limit)", quantity.Count(float64(contacts)), quantity.Count(MaxContacts))
	}
	accounts := 0
	for i, in := range c.Initial {
		f := index("Initial", i)
		for _, n := range []struct {
			field string
			n     int
		}{{".Clients", in.Clients}, {".Leads", in.Leads}} {
			if n.n > MaxAccounts {
				v.bad(f+n.field, "%d out of range: want at most %s per person (salesim's limit)", n.n, quantity.Count(MaxAccounts))
				return
			}
		}
		hc := 0
		if r := in.Role.Index(); r >= 0 && r < len(c.Roles) {
			hc = max(c.Roles[r].Headcount, 0)
		}
		accounts += (max(in.Clients, 0) + max(in.Leads, 0)) * hc
		if accounts > MaxAccounts {
			v.bad(f, "%d clients and %d leads per person × %d people: the initial book holds more than %s accounts (salesim's limit)", in.Clients, in.Leads, hc, quantity.Count(MaxAccounts))
			return
		}
	}
}
