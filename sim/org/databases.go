package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Raw contact databases: contacts are called in order, a contact that did
// not convert may be called again after its cooling-off, and is exhausted
// after MaxAttempts calls. A contact's company size is a function of the
// database's key and the contact's number (dbSize), so that every design
// of a comparison meets the same companies.

// dbState is a raw contact database: contacts never called, in order,
// then contacts called before whose cooling-off has passed.
type dbState struct {
	fresh    int // contacts [fresh, N) were never called
	n        int
	again    des.Queue[recall]
	attempts []uint8 // calls that failed, per contact (at most 255 counted)
	waking   bool
}

type recall struct {
	contact int32
	at      float64
}

// setupKeys draws the key of each database's contact sizes.
func (c *prospecting) setupKeys() {
	s := c.s
	c.dbKey = c.dbKey[:0]
	for _, db := range s.cfg.Databases {
		c.dbKey = append(c.dbKey, s.stream("size:db:"+db.Name).Uint64())
	}
}

// setup fills the databases for a replication, keeping their buffers.
func (c *prospecting) setup() {
	cfg := c.s.cfg
	n := len(cfg.Databases)
	if cap(c.dbs) < n {
		c.dbs = make([]dbState, n)
	}
	c.dbs = c.dbs[:n]
	for i, db := range cfg.Databases {
		d := &c.dbs[i]
		again, att := d.again, d.attempts
		again.Clear()
		*d = dbState{n: db.Contacts, again: again}
		if cap(att) < db.Contacts {
			att = make([]uint8, db.Contacts)
		}
		d.attempts = att[:db.Contacts]
		clear(d.attempts)
	}
}

// take returns a contact callable at time t and the time it became
// callable, or -1 and the time the next one becomes callable (+Inf if none
// will).
func (d *dbState) take(t float64) (int32, float64) {
	if d.fresh < d.n {
		d.fresh++
		return int32(d.fresh - 1), math.Inf(-1)
	}
	if d.again.Len() == 0 {
		return -1, math.Inf(1)
	}
	if r := d.again.Peek(); r.at > t {
		return -1, r.at
	}
	r := d.again.Pop()
	return r.contact, r.at
}

// giveBack returns a contact taken for a call that did not happen (or was
// abandoned): it is callable again from the time it was before.
func (d *dbState) giveBack(c int32, at float64) {
	if math.IsInf(at, -1) && int(c) == d.fresh-1 {
		d.fresh--
		return
	}
	d.again.PushFront(recall{contact: c, at: at})
}

// failed puts contact c, whose call ended at end without converting, back
// to cool off, unless it is exhausted.
func (d *dbState) failed(c int32, end float64, db *Database) {
	if d.attempts[c] < 255 {
		d.attempts[c]++
	}
	if db.MaxAttempts > 0 && int(d.attempts[c]) >= db.MaxAttempts {
		return // exhausted
	}
	d.again.Push(recall{contact: c, at: end + db.Cooloff})
}

// contactKey returns the entity key of contact c of database k.
func (c *prospecting) contactKey(k int, ct int32) uint64 {
	return c.s.originKey(originDatabase, uint64(k), uint64(ct))
}

// dbSize returns the company size of contact c of database k: the
// market's size distribution at a quantile hashed from the database's
// stream and the contact number, so that every design of a comparison
// gives contact c the same size however many contacts it calls.
func (c *prospecting) dbSize(k int, ct int32) float64 {
	x := c.dbKey[k] ^ (uint64(ct)+1)*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	u := (float64(x>>11) + 0.5) / (1 << 53) // in (0, 1)
	return c.s.cfg.Market.Size.Quantile(u)
}
