import Testing

// Tests for Projection are added with the module.
