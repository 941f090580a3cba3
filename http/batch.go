package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/corridor-aml/corridor/match"
)

// batchIdle is how long a batch stream may stall, reading a line or writing an answer, before
// the server gives up on the client. The server's own Read/WriteTimeout bound a whole
// request, which a large file would exceed; here the deadlines move forward with every line.
const batchIdle = 30 * time.Second

// batchLine is one answer line: a result, or the error of that line.
type batchLine struct {
	Line            int       `json:"line"`
	ID              string    `json:"id,omitempty"`
	Error           *apiError `json:"error,omitempty"`
	*screenResponse           // nil on error
}

// handleBatch screens NDJSON: one screen request per line in, one answer per line out, in
// order, streamed both ways so that neither side holds the file. A line that is bad gets an
// error answer and the stream goes on; the stream stops at a line too long or too many lines,
// with an error answer saying why. Every line is screened on the same index, whatever
// reloads happen meanwhile, so that one file gets one set of list versions; they are in the
// Corridor-List-Versions header.
func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) error {
	lim := s.opt.Limits
	maxBytes := int64(lim.MaxBatchLines) * int64(lim.MaxLineBytes+1)
	if r.ContentLength > maxBytes {
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeBodyTooLarge,
			Message: "batch body larger than " + byteSize(maxBytes)}
	}
	rc := http.NewResponseController(w)
	// HTTP/1.1 stops reading a request body once the answer starts, unless told otherwise.
	_ = rc.EnableFullDuplex()
	cur := s.current()
	sr := cur.Searcher()
	defer cur.Release(sr)

	versions := make([]string, 0, len(sr.Index().Versions()))
	for _, v := range sr.Index().Versions() {
		versions = append(versions, string(v.List)+"@"+v.Hash)
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Corridor-List-Versions", strings.Join(versions, ","))

	in := bufio.NewReaderSize(http.MaxBytesReader(w, r.Body, maxBytes), 64<<10)
	out := bufio.NewWriterSize(w, 32<<10)
	defer out.Flush() // the last answers, and the error line that stopped a stream
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	started := false
	emit := func(v any) error {
		started = true
		_ = rc.SetWriteDeadline(time.Now().Add(batchIdle))
		return enc.Encode(v)
	}
	var lineBuf []byte
	screened := 0
	for n := 1; ; n++ { // n counts every line, blank ones too, so that it points into the file
		_ = rc.SetReadDeadline(time.Now().Add(batchIdle))
		line, err := readLine(in, lineBuf[:0], lim.MaxLineBytes)
		lineBuf = line
		if errors.Is(err, errLineTooLong) {
			return s.batchStop(emit, started, n, &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeLineTooLong,
				Message: "line longer than " + byteSize(int64(lim.MaxLineBytes)) + "; the stream stops here"})
		}
		if err != nil && !errors.Is(err, io.EOF) {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return s.batchStop(emit, started, n, &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeBodyTooLarge,
					Message: "batch body larger than " + byteSize(maxBytes) + "; the stream stops here"})
			}
			return err // the client went away or stalled: nobody to answer
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if screened++; screened > lim.MaxBatchLines {
				return s.batchStop(emit, started, n, &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeTooManyLines,
					Message: "more than " + itoa(int64(lim.MaxBatchLines)) + " lines; the stream stops here"})
			}
			if werr := emit(s.batchAnswer(line, n, sr)); werr != nil {
				return nil // the client went away
			}
			// Flush when no more input is waiting, so that an interactive client sees each
			// answer, and a fast one gets full buffers.
			if in.Buffered() == 0 {
				if out.Flush() != nil {
					return nil
				}
				_ = rc.Flush()
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if !started {
		return badRequest(codeEmptyBody, "", "empty batch: want one JSON screen request per line")
	}
	return nil
}

// batchStop answers a stream that cannot go on: as a plain error response when nothing was
// written yet, else as the stream's last line.
func (s *Server) batchStop(emit func(any) error, started bool, n int, ae *apiError) error {
	if !started {
		return ae
	}
	_ = emit(batchLine{Line: n, Error: ae})
	return nil
}

func (s *Server) batchAnswer(line []byte, n int, sr *match.Searcher) batchLine {
	var req screenRequest
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return batchLine{Line: n, Error: jsonError(err, int64(s.opt.Limits.MaxLineBytes))}
	}
	if dec.More() {
		return batchLine{Line: n, Error: badRequest(codeMalformedJSON, "", "more than one JSON value on the line")}
	}
	if req.Monitor || req.Ref != "" {
		return batchLine{Line: n, ID: req.ID, Error: badRequest(codeUnknownField, "monitor", "monitor and ref are for /v1/screen; a batch is not kept")}
	}
	res, ae := s.screen(sr, &req, false)
	if ae != nil {
		return batchLine{Line: n, ID: req.ID, Error: ae}
	}
	return batchLine{Line: n, ID: req.ID, screenResponse: res}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its end into buf, failing when it holds more than max
// bytes; the error is io.EOF with the last line when no newline ends it.
func readLine(r *bufio.Reader, buf []byte, max int) ([]byte, error) {
	for {
		chunk, err := r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(bytes.TrimRight(buf, "\r\n")) > max {
			return buf, errLineTooLong
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}
