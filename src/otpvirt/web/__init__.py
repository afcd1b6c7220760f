"""HTTP plumbing shared by every dialect: bounded bodies, gzip, JSON responses."""
