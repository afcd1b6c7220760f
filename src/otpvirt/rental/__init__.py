"""Number rentals: one number for one client for whole hours."""
