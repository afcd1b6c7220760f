"""The client portal: buy numbers and read codes in the browser."""
