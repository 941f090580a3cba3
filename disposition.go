package corridor

// Disposition is what corridor decides of a payment: release it, have a person review it, or
// block it. Screening and licence policy together decide (see policy.Decide).
type Disposition string

// The decisions, from the mildest.
const (
	Release Disposition = "release"
	Review  Disposition = "review"
	Block   Disposition = "block"
)

// Worse returns the stronger of two dispositions: block over review over release.
func (d Disposition) Worse(other Disposition) Disposition {
	if other.Rank() > d.Rank() {
		return other
	}
	return d
}

// Rank orders dispositions: 0 release, 1 review, 2 block.
func (d Disposition) Rank() int {
	switch d {
	case Block:
		return 2
	case Review:
		return 1
	}
	return 0
}
