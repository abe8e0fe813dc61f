"""Matchpoint, the cluster directory: profiles, filters, partner suggestions, search and exports."""
