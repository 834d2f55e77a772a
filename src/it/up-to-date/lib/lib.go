package lib

// Name is read by the main module through a local replace directive.
const Name = "lib"
