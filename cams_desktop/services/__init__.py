"""The product's operations, free of widgets: one module per area."""
