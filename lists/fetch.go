package lists

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/corridor-aml/corridor/filestore"
)

// NewHTTPClient returns the client updates use by default: timeout bounds a whole download,
// body included; connecting and waiting for the response headers have shorter bounds of
// their own. file:// URLs are served from the local file system, for lists an institution
// keeps on a share; a server's redirect may not lead there.
func NewHTTPClient(timeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 2 * time.Minute
	t.RegisterProtocol("file", http.NewFileTransport(http.Dir("/")))
	return &http.Client{Timeout: timeout, Transport: t, CheckRedirect: checkRedirect}
}

// errRedirect is a redirect refused; trying again would meet it again.
var errRedirect = errors.New("redirect refused")

func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: to %s, only http and https are followed", errRedirect, req.URL.Redacted())
	}
	if len(via) >= 10 {
		return fmt.Errorf("%w: more than 10 redirects", errRedirect)
	}
	return nil
}

// download is one fetched file.
type download struct {
	content      []byte
	notModified  bool
	etag         string
	lastModified string
}

// fetchError is a failed attempt: why, and whether another attempt may succeed.
type fetchError struct {
	reason Reason
	retry  bool
	err    error
}

func (e *fetchError) Error() string { return e.err.Error() }

// fetch downloads one file, retrying transient failures with exponential back-off.
func (u *Updater) fetch(ctx context.Context, url string, prev *filestore.FileMeta) (download, *fetchError) {
	delay := u.Backoff
	for attempt := 1; ; attempt++ {
		d, ferr := u.fetchOnce(ctx, url, prev)
		if ferr == nil || !ferr.retry || attempt >= u.Attempts {
			if ferr != nil && attempt > 1 {
				ferr.err = fmt.Errorf("after %d attempts: %w", attempt, ferr.err)
			}
			return d, ferr
		}
		select {
		case <-ctx.Done():
			return download{}, &fetchError{reason: ReasonDownload, err: fmt.Errorf("%w (last attempt: %v)", ctx.Err(), ferr.err)}
		case <-time.After(delay):
		}
		delay = min(2*delay, u.MaxBackoff)
	}
}

func (u *Updater) fetchOnce(ctx context.Context, url string, prev *filestore.FileMeta) (download, *fetchError) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return download{}, &fetchError{reason: ReasonDownload, err: err}
	}
	req.Header.Set("User-Agent", u.UserAgent)
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := u.Client.Do(req)
	if err != nil {
		return download{}, &fetchError{reason: ReasonDownload, retry: ctx.Err() == nil && !errors.Is(err, errRedirect), err: err}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && prev != nil:
		return download{notModified: true}, nil
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return download{}, &fetchError{reason: ReasonDownload, retry: true, err: fmt.Errorf("HTTP %s", resp.Status)}
	case resp.StatusCode != http.StatusOK:
		return download{}, &fetchError{reason: ReasonDownload, err: fmt.Errorf("HTTP %s", resp.Status)}
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt == "text/html" {
		return download{}, &fetchError{reason: ReasonHTML, err: fmt.Errorf("Content-Type %s", resp.Header.Get("Content-Type"))}
	}
	if resp.ContentLength > u.MaxFileSize {
		return download{}, &fetchError{reason: ReasonTooLarge, err: fmt.Errorf("Content-Length %d > limit %d bytes", resp.ContentLength, u.MaxFileSize)}
	}
	content, err := io.ReadAll(io.LimitReader(resp.Body, u.MaxFileSize+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return download{}, &fetchError{reason: ReasonTruncated, retry: true,
			err: fmt.Errorf("connection closed after %d of %d bytes", len(content), resp.ContentLength)}
	case err != nil:
		return download{}, &fetchError{reason: ReasonDownload, retry: ctx.Err() == nil, err: err}
	case int64(len(content)) > u.MaxFileSize:
		return download{}, &fetchError{reason: ReasonTooLarge, err: fmt.Errorf("more than the limit of %d bytes", u.MaxFileSize)}
	case resp.ContentLength >= 0 && int64(len(content)) != resp.ContentLength:
		return download{}, &fetchError{reason: ReasonTruncated, retry: true,
			err: fmt.Errorf("got %d of %d bytes", len(content), resp.ContentLength)}
	case looksLikeHTML(content):
		return download{}, &fetchError{reason: ReasonHTML, err: errors.New("body starts with an HTML document")}
	}
	return download{content: content, etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}, nil
}

// looksLikeHTML spots the error or login pages that servers send with a 200 status and a
// wrong content type.
func looksLikeHTML(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), 64)]
	lower := bytes.ToLower(head)
	return bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html"))
}
