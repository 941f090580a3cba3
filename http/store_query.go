package http

import (
	"net/http"
	"strconv"
)

// Paging of /v1/alerts and /v1/parties: after an ID, at most limit items; a full page says
// where the next starts.
const (
	defaultPage = 100
	maxPage     = 1000
)

// pageParams reads limit and after.
func pageParams(r *http.Request) (after int64, limit int, err *apiError) {
	q := r.URL.Query()
	limit = defaultPage
	if v := q.Get("limit"); v != "" {
		n, perr := strconv.Atoi(v)
		if perr != nil || n < 1 || n > maxPage {
			return 0, 0, badRequest(codeBadLimit, "limit", "limit %q: want 1 to %d", v, maxPage)
		}
		limit = n
	}
	if after, err = idParam(q.Get("after"), "after", true); err != nil {
		return 0, 0, err
	}
	return after, limit, nil
}

// idParam reads an ID: a number from 1, or 0 when empty (or when zero is allowed, as for
// after=0, the start).
func idParam(v, field string, zeroOK bool) (int64, *apiError) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || (n == 0 && !zeroOK) {
		return 0, badRequest(codeBadParameter, field, "%s %q: want an ID (a number from 1)", field, v)
	}
	return n, nil
}

// pathID reads the {id} of a path; a malformed one names nothing that exists.
func pathID(r *http.Request, notFound, what string) (int64, *apiError) {
	v := r.PathValue("id")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, &apiError{Status: http.StatusNotFound, Code: notFound, Message: what + " " + strconv.Quote(v) + ": IDs are numbers from 1"}
	}
	return n, nil
}
