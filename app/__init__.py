"""City dispatch console (ЕДДС): console, map, wall and the central sync service."""
