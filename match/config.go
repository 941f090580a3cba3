package match

import (
	"fmt"

	"github.com/corridor-aml/corridor"
)

// DefaultThreshold is the score at or above which a match is an alert, unless a deployment or
// a list says otherwise. docs/matching.md shows how it was chosen on the evaluation set.
const DefaultThreshold = 0.82

// DefaultMinScore is the lowest score a match needs to be reported at all.
const DefaultMinScore = 0.6

// Config tunes an Index. The zero value means the defaults.
type Config struct {
	Threshold      float64                     // alert threshold; 0 means DefaultThreshold
	ListThresholds map[corridor.ListID]float64 // per-list overrides of Threshold
	MinScore       float64                     // reporting floor; 0 means DefaultMinScore
}

func (c Config) withDefaults() (Config, error) {
	if c.Threshold == 0 {
		c.Threshold = DefaultThreshold
	}
	if c.MinScore == 0 {
		c.MinScore = DefaultMinScore
	}
	if c.Threshold <= 0 || c.Threshold > 1 {
		return c, fmt.Errorf("match: threshold %v is outside (0,1]", c.Threshold)
	}
	for list, t := range c.ListThresholds {
		if t <= 0 || t > 1 {
			return c, fmt.Errorf("match: threshold %v for list %s is outside (0,1]", t, list)
		}
		c.MinScore = min(c.MinScore, t)
	}
	c.MinScore = min(c.MinScore, c.Threshold)
	return c, nil
}

// ThresholdFor returns the alert threshold that applies to a list.
func (c Config) ThresholdFor(list corridor.ListID) float64 {
	if t, ok := c.ListThresholds[list]; ok {
		return t
	}
	return c.Threshold
}
