"""What the handbook computes from the content: session steps and seconds, dosage and frequency
words."""
