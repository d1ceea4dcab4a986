import Testing

// Tests for Export are added with the module.
