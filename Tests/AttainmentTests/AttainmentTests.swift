import Testing

// Tests for Attainment are added with the module.
