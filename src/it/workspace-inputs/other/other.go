// Package other is a workspace module the app does not import.
package other
