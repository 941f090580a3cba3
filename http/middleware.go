package http

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// wrap runs a route's handler with what every request gets: a request ID, a recovered panic
// turned into a 500, authentication, readiness, the error answer, metrics and a log line.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set("X-Request-ID", id)
		ctx := context.WithValue(r.Context(), ctxRequestID, id)
		r = r.WithContext(ctx)
		sw := &statusWriter{ResponseWriter: w}

		err := s.serve(sw, r, rt)
		if err != nil {
			ae := asAPIError(err)
			if ae.Status == http.StatusInternalServerError {
				s.log.LogAttrs(ctx, slog.LevelError, "request failed", slog.String("request_id", id),
					slog.String("route", rt.pattern), slog.String("error", err.Error()))
			}
			if sw.status == 0 { // a streaming handler that already answered reports its errors in the stream
				body := errorBody{Error: ae}
				if rt.compat {
					body.Detail = ae.Message
				}
				writeJSON(sw, ae.Status, body)
			}
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		elapsed := time.Since(start)
		s.metrics.observe(rt.pattern, sw.status, elapsed)
		s.log.LogAttrs(ctx, slog.LevelInfo, "request",
			slog.String("request_id", id), slog.String("method", r.Method), slog.String("route", rt.pattern),
			slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000), slog.String("remote", r.RemoteAddr))
	})
}

// serve checks the key and readiness, then runs the handler; a panic becomes a 500 so that
// one bad request cannot take the server down.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt route) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.LogAttrs(r.Context(), slog.LevelError, "panic", slog.String("request_id", requestID(r.Context())),
				slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
			err = &apiError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "internal error; see the server log for the request ID"}
		}
	}()
	if rt.role != "" {
		who, err := s.authorize(r, rt.role)
		if err != nil {
			if err.Status == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="corridor"`)
			}
			return err
		}
		r = r.WithContext(context.WithValue(r.Context(), ctxCaller, who))
	}
	if rt.ready && !s.Ready() {
		w.Header().Set("Retry-After", "5")
		return &apiError{Status: http.StatusServiceUnavailable, Code: codeNotReady, Message: "the lists are still loading; retry shortly"}
	}
	if rt.store && s.opt.Store == nil {
		return &apiError{Status: http.StatusServiceUnavailable, Code: codeNoStore,
			Message: "this server has no store of alerts, parties and audit trail: start corridor serve with --store (see docs/api.md)"}
	}
	return rt.handle(w, r)
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	return hex.EncodeToString(b[:])
}

// statusWriter records what was answered, for the log and the metrics. Unwrap lets
// http.ResponseController reach the connection (the batch handler sets deadlines and
// full-duplex mode through it).
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush lets streamed answers through (http.Flusher is checked by type, not by Unwrap).
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		f.Flush()
	}
}

func statusLabel(code int) string { return strconv.Itoa(code) }

// bearer returns the key a request presents: "Authorization: Bearer KEY", or yente's
// "Authorization: ApiKey KEY".
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false
	}
	scheme, key, ok := strings.Cut(h, " ")
	if !ok || !(strings.EqualFold(scheme, "Bearer") || strings.EqualFold(scheme, "ApiKey")) {
		return "", true
	}
	return strings.TrimSpace(key), true
}
