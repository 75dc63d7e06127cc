"""The allocation of a plan: the rules applied to the people, the optimisation under scarcity,
the split to households and the explanations."""
