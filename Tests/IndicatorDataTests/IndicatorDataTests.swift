import Testing

// Tests for IndicatorData are added with the module.
