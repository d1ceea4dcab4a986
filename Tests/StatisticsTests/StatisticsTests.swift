import Testing

// Tests for Statistics are added with the module.
