import Testing

// Tests for Scenarios are added with the module.
