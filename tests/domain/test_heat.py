import pytest

from app.domain.heat import M_PER_DEG_LAT, grid


def test_points_are_counted_in_the_cell_they_fall_in() -> None:
    # At the equator a 111.32 m cell is 0.001 degrees each way.
    cell = 111.32
    points = [(0.0005, 0.0005), (0.0009, 0.0001), (0.0015, 0.0005), (-0.0005, 0.0005)]
    cells = grid(points, cell_m=cell)
    by_corner = {(round(c[0], 6), round(c[1], 6)): c[4] for c in cells}
    assert by_corner == {(0.0, 0.0): 2, (0.001, 0.0): 1, (-0.001, 0.0): 1}
    south, west, north, east, _ = cells[0]
    assert north - south == pytest.approx(cell / M_PER_DEG_LAT)
    assert east - west == pytest.approx(0.001)


def test_cells_are_wider_in_degrees_away_from_the_equator() -> None:
    (cell,) = grid([(53.69, 88.06)], cell_m=250, origin=(53.6, 87.9))
    south, west, north, east, count = cell
    assert count == 1 and south <= 53.69 < north and west <= 88.06 < east
    # cos(53.6°) ≈ 0.593: a 250 m cell spans about 1/0.593 as many degrees of longitude.
    assert (east - west) / (north - south) == pytest.approx(1 / 0.5934, rel=0.01)


def test_no_points_no_cells() -> None:
    assert grid([]) == []
