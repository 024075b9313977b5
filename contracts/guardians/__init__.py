from contracts.guardians.guardian import Guardian, GuardianRelationship

__all__ = ["Guardian", "GuardianRelationship"]
