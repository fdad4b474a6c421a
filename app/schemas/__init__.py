"""Pydantic wire types: REST bodies and stream messages. The OpenAPI document is built
from these and is the contract between the service and its clients."""
