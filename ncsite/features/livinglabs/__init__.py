"""Living labs: the method's pages, each lab, and the clusters that take part."""
