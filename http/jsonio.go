package http

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// decodeJSON reads one JSON value of at most limit bytes into dst, refusing fields dst does
// not have (a "dob" where "birthDate" is meant must not be silently ignored) and anything
// after the value. Field names match case-insensitively, as encoding/json does.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, dst any) error {
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err, limit)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return jsonError(err, limit)
		}
		return badRequest(codeMalformedJSON, "", "the body holds more than one JSON value")
	}
	return nil
}

// jsonError classifies a decoding error into the answer a client can act on.
func jsonError(err error, limit int64) *apiError {
	var (
		mbe    *http.MaxBytesError
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mbe):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeBodyTooLarge,
			Message: "request body larger than " + byteSize(limit)}
	case errors.Is(err, io.EOF):
		return badRequest(codeEmptyBody, "", "empty request body: want a JSON object")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest(codeMalformedJSON, "", "malformed JSON: %v", err)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return badRequest(codeWrongType, "", "want a JSON object, got %s", typ.Value)
		}
		return badRequest(codeWrongType, field, "%s: want %s, got %s", field, jsonKind(typ.Type.Kind().String()), typ.Value)
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		f = strings.Trim(f, `"`)
		return badRequest(codeUnknownField, f, "unknown field %q", f)
	}
	var ae *apiError
	if errors.As(err, &ae) { // from a field's own UnmarshalJSON
		return ae
	}
	return badRequest(codeMalformedJSON, "", "malformed JSON: %v", err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// writeJSON sends v with the status. An error writing means the client went away; there is
// no one left to tell.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// stringList is a JSON string or array of strings: FollowTheMoney properties and the native
// nationality field are written either way.
type stringList []string

func (l *stringList) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = stringList{s}
		return nil
	}
	if string(b) == "null" {
		*l = nil
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		return &apiError{Status: http.StatusBadRequest, Code: codeWrongType, Message: "want a string or an array of strings, got " + clip(string(b), 40)}
	}
	*l = ss
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
