// Package release is imported by serverd only.
package release

// Channel names the release channel serverd reports.
const Channel = "stable"
