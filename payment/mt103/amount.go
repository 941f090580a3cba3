package mt103

import (
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// dateAmount reads field 32A: value date YYMMDD, currency and amount ("210409EUR15669,38").
func dateAmount(v string) (string, corridor.Amount, error) {
	if len(v) < 6 {
		return "", corridor.Amount{}, fmt.Errorf("%q: want YYMMDD, a currency and an amount", v)
	}
	date, err := time.Parse("060102", v[:6])
	if err != nil {
		return "", corridor.Amount{}, fmt.Errorf("value date %q: want YYMMDD", v[:6])
	}
	amount, err := currencyAmount(v[6:])
	if err != nil {
		return "", corridor.Amount{}, err
	}
	return date.Format("2006-01-02"), amount, nil
}

// currencyAmount reads a currency and an amount written the SWIFT way, with a decimal comma
// that is always there ("EUR19999," is 19999 euros).
func currencyAmount(v string) (corridor.Amount, error) {
	if len(v) < 5 {
		return corridor.Amount{}, fmt.Errorf("%q: want a currency and an amount", v)
	}
	cur, num := v[:3], v[3:]
	whole, frac, ok := strings.Cut(num, ",")
	if !ok || whole == "" || len(num) > 15 || !digits(whole) || !digits(frac) {
		return corridor.Amount{}, fmt.Errorf("amount %q: want digits with a decimal comma, at most 15 characters", num)
	}
	a := corridor.Amount{Value: corridor.CanonicalAmount(whole, frac), Currency: cur}
	if err := a.Validate(); err != nil {
		return corridor.Amount{}, err
	}
	return a, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// birthDate reads a date of birth written YYYYMMDD (field 50F line 4).
func birthDate(v string) (string, error) {
	t, err := time.Parse("20060102", v)
	if err != nil {
		return "", fmt.Errorf("date of birth %q: want YYYYMMDD", v)
	}
	return t.Format("2006-01-02"), nil
}
