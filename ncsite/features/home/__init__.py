"""The home page and the partners' landing content (partner map, latest news, living labs by date)."""
