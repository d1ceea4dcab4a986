import Testing

// Tests for CLI are added with the module.
