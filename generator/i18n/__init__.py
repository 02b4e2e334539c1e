"""Languages: the interface catalogues, plural and number forms, and extraction of the words to
translate."""
