// Package screen is the service every way in calls: it takes parties (of a payment, for
// now) to the matcher and says what was found, where and why. Licence policy and the store
// build on its results.
package screen
