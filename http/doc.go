// Package http is corridor's HTTP API server: the native JSON API under /v1, an
// OpenSanctions (yente) compatible API (/match, /search, /entities, /catalog), metrics and
// health checks. It is a thin layer: handlers decode and validate a request, screen through
// match.Current, and encode the answer. Lists are loaded by a Loader the caller gives, so
// that this package does not know where they come from.
//
// The package is named after what it serves, as the other packages are named after their
// dependency; callers import it as corridorhttp to keep net/http's name free.
package http
