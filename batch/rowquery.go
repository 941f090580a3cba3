package batch

import (
	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// RowQuery rebuilds the query a batch screens a row with, for a caller that needs more of a
// row than its results record keeps (every match, each with its explanation) or the facts
// themselves. It is not safe for concurrent use.
type RowQuery struct{ qb queryBuilder }

// NewRowQuery reads rows laid out as cols says, the columns DetectColumns found in header.
func NewRowQuery(cols Columns, header []string, kind corridor.Kind, lists []corridor.ListID) *RowQuery {
	return &RowQuery{queryBuilder{cols: cols, header: header, kind: kind, lists: lists}}
}

// Query returns the query of a row as wide as the header, valid until the next call, or
// what is wrong with the row, as the results file's match_reason says it.
func (r *RowQuery) Query(fields []string) (*match.Query, string) { return r.qb.build(fields) }
