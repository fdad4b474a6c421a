from tests.server.helpers import login, mid


def test_probe_misc(service):
    op = login(service.url, "operator")
    inc = op.register()["incident"]
    for path in ("/incidents/99999999999999999999", "/incidents/-1", "/changes?after=99999999999999999999"):
        r = op.get(path); print(path, r.status_code, r.text[:150])
    r = op.post(f"/incidents/{inc['id']}/notes", {"mutation_id": mid(), "text": "a\x00b"}); print("nul", r.status_code, r.text[:150])
    r = op.post("/incidents", {"mutation_id": mid(), "source": "phone", "address": {"street": "a\x00b"}}); print("nul street", r.status_code, r.text[:150])
    r = op.patch(f"/incidents/{inc['id']}", {"mutation_id": mid(), "base_version": 1, "type_code": None}); print("type None", r.status_code, r.text[:120])
    r = op.post(f"/incidents/{inc['id']}/actions", {"mutation_id": mid(), "base_version": 2, "action": "merge", "merge_into": 99999999999999999999}); print("merge big", r.status_code, r.text[:150])
    r = op.post(f"/incidents/{inc['id']}/handovers", {"mutation_id": mid(), "base_version": 2, "services": ["fire"]}); print("ho", r.status_code)
    h = r.json()["handovers"][0]["id"]
    fire = login(service.url, "ds-fire")
    r = fire.post(f"/handovers/{h}/stages", {"mutation_id": mid(), "stage": "acknowledged", "crew_id": 99999999999}); print("crew big", r.status_code, r.text[:150])
    r = op.get("/callers/incidents", params={"phone": "+7 913 123 45 67"}); print("lookup", r.status_code, r.text[:150])
    r = op.post(f"/incidents/{inc['id']}/callers", {"mutation_id": mid(), "caller": {}}); print("empty caller", r.status_code, r.text[:150])
