import Testing

// Tests for Regression are added with the module.
